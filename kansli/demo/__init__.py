"""Demo data: Vänersborgs kommun and Region Blekinge, built from their real director's instructions.

Everything here is made through the services of the other apps, so the demo data is audited
like any other write. `load_demo` is idempotent.
"""
