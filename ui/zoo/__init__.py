"""The "Model zoo" tab, one panel per module: accuracy report, lineage, confusion matrix, receptive fields."""
