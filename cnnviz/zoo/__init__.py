"""The model zoo: the accuracy report, architecture lineage and confusion analysis (no Qt)."""
