"""Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters, the last a check."""

from __future__ import annotations

from .issues import shortened
from .messages import Message, msg

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_character(first17: str) -> str:
    """The check character the first 17 characters of a code call for."""
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> Message | None:
    """What is wrong with `code` as a unified social credit code, or None if nothing."""
    if len(code) != LENGTH:
        return msg("uscc_length", value=shortened(code, 40), length=len(code))
    bad = next((char for char in code if char not in ALPHABET), None)
    if bad is not None:
        return msg("uscc_character", value=code, char=bad)
    if check_character(code[:-1]) != code[-1]:
        return msg("uscc_check", value=code)
    return None
