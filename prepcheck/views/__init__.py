"""View models: what every front end (pages, PDF, API, CLI) shows of an assessment, in the reader's language."""
