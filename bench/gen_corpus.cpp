// ogi-bench-gen N DIR: writes a deterministic corpus of N report JSON files (both editions,
// about one in ten with a deliberate error) into DIR, and DIR/expected-invalid.txt listing the
// files that must be found invalid. The same N always gives the same bytes.
#include <ogi/ogi.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace json = boost::json;

namespace {

struct Rng {  // splitmix64: the same sequence on every platform
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
    /// A count as real reports have them: mostly 0, sometimes a few, now and then many.
    std::int64_t count() {
        const auto r = below(100);
        if (r < 60) return 0;
        if (r < 90) return 1 + below(9);
        if (r < 98) return 10 + below(90);
        return 100 + below(2000);
    }
};

ogi::Report make_report(std::uint64_t i, const ogi::Report& base2019, const ogi::Report& base2021) {
    Rng rng{i * 7919 + 1};
    const bool e2019 = i % 2 == 0;
    ogi::Report r = e2019 ? base2019 : base2021;
    r.year = e2019 ? 2019 + static_cast<int>(rng.below(2)) : 2021 + static_cast<int>(rng.below(4));
    static constexpr ogi::AgencyKind kinds[] = {ogi::AgencyKind::government, ogi::AgencyKind::department,
                                                ogi::AgencyKind::township, ogi::AgencyKind::other};
    r.agency.kind = kinds[rng.below(4)];
    r.agency.name = fmt::format("某市第{}机关", i);
    r.agency.region = "某省某市";
    r.published_on = fmt::format("{}-01-{:02}", r.year + 1, 10 + rng.below(20));
    r.source = {};

    // Section 二: the base report's figures times k (every relation there is linear).
    const std::int64_t k = 1 + rng.below(20);
    const ogi::Form& f = r.form();
    for (std::size_t c = 0; c < f.cells().size(); ++c) {
        ogi::Cell& cell = r.cells()[c];
        if (f.tables()[f.cells()[c].table].key != "proactive" || !cell.has_value()) continue;
        if (f.column(f.cells()[c]).kind == ogi::CellKind::count || f.column(f.cells()[c]).kind == ogi::CellKind::signed_count)
            cell.number *= k;
    }

    // Section 三: outcome rows at random per applicant column, then the totals and the balance.
    using ogi::Applicant;
    using ogi::ApplicationRow;
    const bool single = r.has_single_other();
    for (int a = 0; a < ogi::applicant_count - 1; ++a) {
        const auto col = static_cast<Applicant>(a);
        std::int64_t total = 0;
        for (int row = 0; row < ogi::application_row_count; ++row) {
            const auto rr = static_cast<ApplicationRow>(row);
            if (!ogi::is_outcome(rr)) continue;
            const bool other_single = rr == ApplicationRow::other;
            const bool other_split = rr == ApplicationRow::other_overdue_correction || rr == ApplicationRow::other_overdue_fee ||
                                     rr == ApplicationRow::other_reasons;
            if ((other_single && !single) || (other_split && single)) continue;
            const std::int64_t v = rng.count();
            r.set(rr, col, v);
            total += v;
        }
        r.set(ApplicationRow::total, col, total);
        const std::int64_t carried_forward = rng.below(3) == 0 ? rng.count() : 0;
        const std::int64_t carried_over = std::min<std::int64_t>(rng.below(3) == 0 ? rng.count() : 0, total + carried_forward);
        r.set(ApplicationRow::carried_over, col, carried_over);
        r.set(ApplicationRow::carried_forward, col, carried_forward);
        r.set(ApplicationRow::new_received, col, total + carried_forward - carried_over);
    }
    for (int row = 0; row < ogi::application_row_count; ++row) {
        const auto rr = static_cast<ApplicationRow>(row);
        std::int64_t sum = 0;
        bool present = true;
        for (int a = 0; a < ogi::applicant_count - 1; ++a) {
            const auto v = r.count(rr, static_cast<Applicant>(a));
            if (!v) present = false;
            else sum += *v;
        }
        if (present) r.set(rr, Applicant::total, sum);
    }
    // Section 四.
    for (int g = 0; g < ogi::review_group_count; ++g) {
        const auto group = static_cast<ogi::ReviewGroup>(g);
        std::int64_t total = 0;
        for (int res = 0; res < ogi::review_result_count - 1; ++res) {
            const std::int64_t v = rng.below(4) == 0 ? rng.count() : 0;
            r.set(group, static_cast<ogi::ReviewResult>(res), v);
            total += v;
        }
        r.set(group, ogi::ReviewResult::total, total);
    }
    const auto received = r.count(ApplicationRow::new_received, Applicant::total).value_or(0);
    r.narrative.overview = fmt::format(
        "{}年，{}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
        "围绕中心工作，不断加大政府信息公开力度，推进决策、执行、管理、服务、结果公开，"
        "切实保障人民群众的知情权、参与权、表达权和监督权。本年度共收到政府信息公开申请{}件，均已按时办结。",
        r.year, r.agency.name, received);
    r.narrative.problems = "一是公开内容的全面性有待提高；二是政策解读形式较为单一。下一步将加强培训，提高工作水平。";
    r.narrative.other_matters = "无。";
    return r;
}

/// Spoils document i in one of several ways; returns false when it stays valid.
bool spoil(std::uint64_t i, json::object& o, std::string& text_cut) {
    if (i % 10 != 7) return false;
    auto& apps = o["applications"].as_object();
    auto& reviews = o["reviews"].as_object();
    switch ((i / 10) % 9) {
    case 0: {  // OGI-T3-ROW-TOTAL
        auto& v = apps["granted"].as_object()["total"];
        v = v.as_int64() + 1;
        break;
    }
    case 1: {  // OGI-T4-TOTAL
        auto& v = reviews["administrative_review"].as_object()["total"];
        v = v.as_int64() + 2;
        break;
    }
    case 2: {  // OGI-T3-BALANCE (and the row total)
        auto& v = apps["carried_forward"].as_object()["natural_person"];
        v = v.as_int64() + 1;
        break;
    }
    case 3: apps["granted"].as_object()["research_institution"] = -1; break;         // negative count
    case 4: reviews["litigation_direct"].as_object()["upheld"] = "3"; break;          // a string for a count
    case 5: apps["unable_not_held"].as_object()["remark"] = 0; break;                 // unknown key
    case 6: reviews["litigation_after_review"].as_object().erase("total"); break;     // missing key
    case 7: o["year"] = "2020"; break;                                                 // wrong type
    case 8: text_cut = "truncated"; break;                                             // not JSON
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: ogi-bench-gen N DIR SEED_DIR (SEED_DIR holds liucheng-2020.json and huaian-2024.json)\n");
        return 2;
    }
    const std::uint64_t n = std::stoull(argv[1]);
    const std::filesystem::path dir = argv[2], seeds = argv[3];
    auto load = [&](const char* name) {
        std::ifstream in(seeds / name, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return json::value_to<ogi::Report>(json::parse(text));
    };
    const ogi::Report base2019 = load("liucheng-2020.json"), base2021 = load("huaian-2024.json");
    std::filesystem::create_directories(dir);
    std::ofstream expected(dir / "expected-invalid.txt");
    for (std::uint64_t i = 0; i < n; ++i) {
        const ogi::Report r = make_report(i, base2019, base2021);
        json::value v = json::value_from(r);
        std::string cut;
        const std::string name = fmt::format("r{:06}.json", i);
        if (spoil(i, v.as_object(), cut)) expected << name << '\n';
        std::string text = ogi::pretty_json(v);
        if (!cut.empty()) text.resize(text.size() / 2);
        std::ofstream out(dir / name, std::ios::binary);
        out << text;
    }
    return 0;
}
