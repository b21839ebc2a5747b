"""Distractors around the buyer's contacts: colleagues, second contacts, departments and forwarders named in
passing, our colleague's hand-off note, labels in more languages. Every example is invented for this file."""

from __future__ import annotations

from bot.rules.intake import OwnSide, parse_inquiry

OWN = OwnSide.build(domains=["example-instruments.cn"], phones=["+86 21 6000 1234"], names=["李娜", "Li Na"])


def test_a_persian_mobile_label_reads_a_national_number_by_the_legal_form() -> None:
    parsed = parse_inquiry("李娜 转来的客户（她的电话 +86 139 1234 5678）：\nسلام\nشرکت: Derya Kimya Ltd. Şti.\n"
                           "یک دستگاه اسپکتروفتومتر می‌خواهیم.\nتلفن همراه: 0532 418 77 20", OWN)
    assert parsed.phone == "+905324187720"


def test_an_indonesian_no_saya_labels_the_writer_s_number() -> None:
    parsed = parse_inquiry("Halo kak, saya Rina dari PT Sinar Abadi, mau tanya harga timbangan analitik.\n"
                           "no saya 0812 6645 3901 ya", OWN)
    assert parsed.phone == "+6281266453901"
