// ogi — exact decimal numbers for money cells.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ogi {

/// An exact decimal number: an integer mantissa and a count of fraction digits.
///
/// Money in the reports (采购总金额, 本年收费金额) must stay exactly as printed, so it is never
/// held in binary floating point. Up to 18 significant digits are held; anything longer is
/// refused by parse() rather than rounded.
class Decimal {
public:
    constexpr Decimal() = default;

    /// Reads `123`, `-4.50`, `0.38`, `1e3`, `2.5E-2`. Returns nothing for anything else, or
    /// for a value that needs more than 18 significant digits.
    static std::optional<Decimal> parse(std::string_view text);

    /// The shortest exact decimal text: no exponent, no trailing fraction zeros (`"38297"`, `"0.38"`).
    [[nodiscard]] std::string to_string() const;

    [[nodiscard]] bool is_negative() const { return mantissa_ < 0; }
    [[nodiscard]] std::int64_t mantissa() const { return mantissa_; }
    [[nodiscard]] int scale() const { return scale_; }

    /// Exact sum; nothing when the result does not fit.
    [[nodiscard]] static std::optional<Decimal> add(Decimal a, Decimal b);

    friend bool operator==(const Decimal& a, const Decimal& b) { return a.compare(b) == 0; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
        const int c = a.compare(b);
        return c < 0 ? std::strong_ordering::less
                     : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }

private:
    constexpr Decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
    [[nodiscard]] int compare(const Decimal& other) const;
    void normalise();

    std::int64_t mantissa_ = 0;
    int scale_ = 0;  // number of fraction digits, 0..18
};

}  // namespace ogi
