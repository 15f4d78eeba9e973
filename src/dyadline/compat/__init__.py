"""Compatibility with the field's formats: PETRARCH/TABARI dictionaries in, Phoenix TSV and PLOVER JSON out."""
