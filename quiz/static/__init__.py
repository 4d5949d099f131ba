"""A static build of a quiz: files any web host can serve, with the scoring in the visitor's browser."""
