// docs/rules.md documents every rule of the catalogue, and nothing else.
#include "support.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <set>

TEST_CASE("docs/rules.md and the rule catalogue agree") {
    const std::string doc = test::read_file("docs/rules.md");
    REQUIRE_FALSE(doc.empty());
    std::set<std::string> documented;
    const std::regex heading(R"(\n## (OGI-[A-Z0-9-]+))");
    for (std::sregex_iterator it(doc.begin(), doc.end(), heading), end; it != end; ++it) documented.insert((*it)[1]);
    std::set<std::string> catalogue;
    for (const auto& r : ogi::rules()) {
        catalogue.insert(std::string(r.id));
        // each page names the severity and has a passing and a failing example
        const auto at = doc.find("\n## " + std::string(r.id));
        REQUIRE(at != std::string::npos);
        const auto next = doc.find("\n## ", at + 4);
        const std::string page = doc.substr(at, next == std::string::npos ? std::string::npos : next - at);
        CHECK_MESSAGE(page.find(std::string(ogi::to_string(r.severity))) != std::string::npos, r.id);
        CHECK_MESSAGE(page.find("Passes") != std::string::npos, r.id);
        CHECK_MESSAGE(page.find("Fails") != std::string::npos, r.id);
    }
    CHECK(documented == catalogue);
}
