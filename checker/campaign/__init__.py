"""The ``campaign`` exercise kind: a media plan, one row per line item, graded on its
budget, its forecast arithmetic, its assumptions, targeting, tracked links and the law."""
