"""Chains: what led to what, from one record through typed links; the query and its directly written JSON."""
