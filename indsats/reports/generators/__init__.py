"""One module per report; each turns ReportParams into a Report of plain rows."""
