"""Path converters for the date parts of review URLs: /reviews/2026/03/07/<slug>/."""


class ZeroPaddedConverter:
    """A number written with exactly `digits` digits, zeros in front."""

    digits = 2

    @property
    def regex(self):
        return f"[0-9]{{{self.digits}}}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):0{self.digits}d}"


class FourDigitYearConverter(ZeroPaddedConverter):
    digits = 4


class TwoDigitConverter(ZeroPaddedConverter):
    digits = 2
