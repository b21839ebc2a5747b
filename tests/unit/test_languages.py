"""The language of an inquiry decides in which countries a national number is read."""

from __future__ import annotations

import pytest

from bot.rules.languages import guess_language


@pytest.mark.parametrize(("text", "language"), [
    ("สวัสดีครับ ผม คุณสมชาย สนใจเครื่องวัดความชื้น", "th"),
    ("안녕하세요, pH 미터 견적 부탁드립니다", "ko"),
    ("Γεια σας, θα θέλαμε προσφορά για φασματόμετρο", "el"),
    ("با سلام، لطفا قیمت دستگاه را ارسال کنید. با تشکر", "fa"),
    ("السلام عليكم، نرجو إرسال عرض سعر لجهاز قياس", "ar"),
    ("Здравствуйте, просим выслать коммерческое предложение", "ru"),
])
def test_a_script_of_one_language_names_it(text: str, language: str) -> None:
    assert guess_language(text) == language


def test_chinese_characters_alone_do_not_name_a_language() -> None:
    assert guess_language("您好，请报价") is None
