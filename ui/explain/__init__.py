"""The Explain tab, one panel per file: behind a number, saliency, the invariance probe."""
