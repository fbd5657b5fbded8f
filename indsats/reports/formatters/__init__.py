"""Formatters: the same Report as a page (html), a CSV file (csv) or a workbook (excel)."""
