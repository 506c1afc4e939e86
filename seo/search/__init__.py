"""Site search: Turkish-aware text folding, the search backend and the results page."""
