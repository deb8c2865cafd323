"""The followup app's pages, one module per area."""
