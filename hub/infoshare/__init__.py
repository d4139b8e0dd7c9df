"""信息共享: wire shapes and presentation of 政务信息 and 《白银信息》."""
