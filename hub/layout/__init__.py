"""版式 documents: a 公文 laid out per GB/T 9704-2012, written as PDF (WeasyPrint) and as OFD (our own writer)."""
