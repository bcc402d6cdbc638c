"""What a filter is looking for and what happens without it: one module per question (ablation, …)."""
