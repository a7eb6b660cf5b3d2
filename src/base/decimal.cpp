#include <ogi/base/decimal.hpp>

#include <cstdlib>
#include <limits>

namespace ogi {
namespace {

constexpr int max_digits = 18;

bool mul10(std::int64_t& v, int times) {
    for (int i = 0; i < times; ++i)
        if (__builtin_mul_overflow(v, 10, &v)) return false;
    return true;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::int64_t mantissa = 0;
    int scale = 0, significant = 0;
    bool any_digit = false, in_fraction = false;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.') {
            if (in_fraction) return std::nullopt;
            in_fraction = true;
            continue;
        }
        if (c < '0' || c > '9') break;
        any_digit = true;
        if (significant > 0 || c != '0') ++significant;
        if (significant > max_digits) return std::nullopt;
        mantissa = mantissa * 10 + (c - '0');
        if (in_fraction) ++scale;
    }
    if (!any_digit) return std::nullopt;
    int exponent = 0;
    if (i < s.size()) {
        if (s[i] != 'e' && s[i] != 'E') return std::nullopt;
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_negative = s[i++] == '-';
        if (i >= s.size()) return std::nullopt;
        for (; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > 400) return std::nullopt;
        }
        if (exp_negative) exponent = -exponent;
    }
    scale -= exponent;
    if (scale < 0) {
        if (!mul10(mantissa, -scale)) return std::nullopt;
        scale = 0;
    }
    Decimal d(negative ? -mantissa : mantissa, scale);
    d.normalise();
    if (d.scale_ > max_digits) return std::nullopt;
    return d;
}

void Decimal::normalise() {
    while (scale_ > 0 && mantissa_ % 10 == 0) {
        mantissa_ /= 10;
        --scale_;
    }
    if (mantissa_ == 0) scale_ = 0;
}

std::string Decimal::to_string() const {
    // Work with the magnitude as unsigned: INT64_MIN has no positive counterpart.
    const bool negative = mantissa_ < 0;
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(mantissa_)
                                       : static_cast<std::uint64_t>(mantissa_);
    std::string digits = std::to_string(magnitude);
    if (scale_ > 0) {
        if (static_cast<int>(digits.size()) <= scale_)
            digits.insert(0, static_cast<std::size_t>(scale_) + 1 - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(scale_), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

std::optional<Decimal> Decimal::add(Decimal a, Decimal b) {
    if (a.scale_ < b.scale_) std::swap(a, b);
    std::int64_t bm = b.mantissa_;
    if (!mul10(bm, a.scale_ - b.scale_)) return std::nullopt;
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.mantissa_, bm, &sum)) return std::nullopt;
    Decimal d(sum, a.scale_);
    d.normalise();
    return d;
}

int Decimal::compare(const Decimal& other) const {
    if ((mantissa_ < 0) != (other.mantissa_ < 0)) return mantissa_ < 0 ? -1 : 1;
    std::int64_t a = mantissa_, b = other.mantissa_;
    // Align to the larger scale; if that overflows, the aligned side is the larger magnitude.
    if (scale_ < other.scale_) {
        if (!mul10(a, other.scale_ - scale_)) return mantissa_ < 0 ? -1 : 1;
    } else if (other.scale_ < scale_) {
        if (!mul10(b, scale_ - other.scale_)) return mantissa_ < 0 ? 1 : -1;
    }
    return a < b ? -1 : (a > b ? 1 : 0);
}

}  // namespace ogi
