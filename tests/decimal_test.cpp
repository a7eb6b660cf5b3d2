#include <ogi/base/decimal.hpp>

#include <doctest/doctest.h>

using ogi::Decimal;

TEST_CASE("decimals read and print exactly") {
    CHECK(Decimal::parse("0.38")->to_string() == "0.38");
    CHECK(Decimal::parse("24252.311082")->to_string() == "24252.311082");
    CHECK(Decimal::parse("1.50")->to_string() == "1.5");
    CHECK(Decimal::parse("38297")->to_string() == "38297");
    CHECK(Decimal::parse("2.5E-2")->to_string() == "0.025");
    CHECK(Decimal::parse("1e3")->to_string() == "1000");
    CHECK(Decimal::parse("-0.5")->to_string() == "-0.5");
    CHECK(Decimal::parse("0.001")->to_string() == "0.001");
}

TEST_CASE("decimals refuse what they cannot hold exactly") {
    CHECK_FALSE(Decimal::parse(""));
    CHECK_FALSE(Decimal::parse("abc"));
    CHECK_FALSE(Decimal::parse("1.2.3"));
    CHECK_FALSE(Decimal::parse("1e"));
    CHECK_FALSE(Decimal::parse("1234567890123456789"));  // 19 significant digits
    CHECK_FALSE(Decimal::parse("1e400"));
    CHECK(Decimal::parse("123456789012345678"));         // 18 are fine
}

TEST_CASE("decimal arithmetic and comparison are exact") {
    const auto a = *Decimal::parse("0.1"), b = *Decimal::parse("0.2"), c = *Decimal::parse("0.3");
    CHECK(*Decimal::add(a, b) == c);  // what binary floating point gets wrong
    CHECK(*Decimal::parse("1.0") == *Decimal::parse("1"));
    CHECK(*Decimal::parse("2") > *Decimal::parse("1.999999"));
    CHECK(*Decimal::parse("-1") < *Decimal::parse("0"));
    CHECK_FALSE(Decimal::add(*Decimal::parse("900000000000000000"), *Decimal::parse("0.01")));  // 9e19 hundredths
}
