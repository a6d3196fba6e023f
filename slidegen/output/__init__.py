"""Writing: reproducible packages, atomic files, the chart cache and LibreOffice conversion."""
