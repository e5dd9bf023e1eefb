"""The benchmark: a synthetic dataset at scale, the API against hand-written SQL, over HTTP."""
