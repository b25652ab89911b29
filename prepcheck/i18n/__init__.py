"""Languages: locale names, translation of interface and questionnaire text, number formatting."""
