"""Files: content storage (GridFS, or a directory on the emulation), type sniffing, names and scope policies."""
