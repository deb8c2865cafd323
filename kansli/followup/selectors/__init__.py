"""The followup app's reads, one module per area, with the evidence each area gives the
director's duty dashboard."""
