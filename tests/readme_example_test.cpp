// The README's linking example is examples/quickstart.cpp, word for word; the install test
// builds that file against the installed library, so the README's code is known to compile.
#include "support.hpp"

#include <doctest/doctest.h>

TEST_CASE("the README shows examples/quickstart.cpp verbatim") {
    const std::string readme = test::read_file("README.md");
    const std::string code = test::read_file("examples/quickstart.cpp");
    REQUIRE_FALSE(code.empty());
    CHECK(readme.find(code) != std::string::npos);
}
