"""发文字号: wire shapes of allocation, reservation, voiding and the register."""
