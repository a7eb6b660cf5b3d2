// ogi — the vocabulary of the regulation: Article 20's items, applicants, outcomes, reviews.
//
// These enums name what the 《中华人民共和国政府信息公开条例》 (2019) and the official report
// form talk about. Each comes with its JSON key (report-json.md) and its official wording.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ogi {

/// The fifteen items of Article 20 (第二十条): what an agency must disclose proactively.
enum class Article20Item : std::uint8_t {
    laws_and_documents = 1,     ///< （一）行政法规、规章和规范性文件
    organisation,               ///< （二）机关职能、机构设置…
    plans_and_policies,         ///< （三）国民经济和社会发展规划…
    statistics,                 ///< （四）国民经济和社会发展统计信息
    licensing_and_services,     ///< （五）行政许可和其他对外管理服务事项…
    punishment_and_coercion,    ///< （六）行政处罚、行政强制…
    budgets,                    ///< （七）财政预算、决算信息
    fees,                       ///< （八）行政事业性收费项目及其依据、标准
    procurement,                ///< （九）政府集中采购项目…
    major_projects,             ///< （十）重大建设项目…
    social_policies,            ///< （十一）扶贫、教育、医疗、社会保障、促进就业…
    emergencies,                ///< （十二）突发公共事件…
    supervision,                ///< （十三）环境保护、公共卫生、安全生产…
    civil_service_recruitment,  ///< （十四）公务员招考…
    other_information,          ///< （十五）其他政府信息
};
inline constexpr int article20_item_count = 15;

/// The official wording of an item, with its number: "（一）行政法规、规章和规范性文件".
std::string_view official_wording(Article20Item item);

/// The applicant columns of section 三, in the order of the official table.
enum class Applicant : std::uint8_t {
    natural_person,               ///< 自然人
    commercial_enterprise,        ///< 法人或其他组织 — 商业企业
    research_institution,         ///< 科研机构
    social_welfare_organization,  ///< 社会公益组织
    legal_service_institution,    ///< 法律服务机构
    other_organization,           ///< 其他
    total,                        ///< 总计
};
inline constexpr int applicant_count = 7;

/// The rows of section 三, in the order of the official table. `other` is the single
/// （六）其他处理 row of the 2019 form; the three `other_*` rows are its 2021 split.
enum class ApplicationRow : std::uint8_t {
    new_received, carried_over,
    granted, partially_granted,
    withheld_state_secret, withheld_prohibited_by_law, withheld_security_stability,
    withheld_third_party_rights, withheld_internal_affairs, withheld_process_information,
    withheld_enforcement_files, withheld_administrative_query,
    unable_not_held, unable_needs_creation, unable_still_unclear,
    not_processed_complaint, not_processed_duplicate, not_processed_publication,
    not_processed_excessive, not_processed_confirmation,
    other, other_overdue_correction, other_overdue_fee, other_reasons,
    total, carried_forward,
};
inline constexpr int application_row_count = 26;

/// True for the rows that the （七）总计 row adds up (（一） to （六）).
bool is_outcome(ApplicationRow row);

/// Review and litigation groups of section 四.
enum class ReviewGroup : std::uint8_t { administrative_review, litigation_direct, litigation_after_review };
inline constexpr int review_group_count = 3;

/// Results counted for each group of section 四.
enum class ReviewResult : std::uint8_t { upheld, corrected, other, pending, total };
inline constexpr int review_result_count = 5;

/// JSON keys (report-json.md) and official labels.
std::string_view key(Applicant a);
std::string_view key(ApplicationRow r);
std::string_view key(ReviewGroup g);
std::string_view key(ReviewResult r);
std::string_view label(Applicant a);
std::string_view label(ApplicationRow r);
std::string_view label(ReviewGroup g);
std::string_view label(ReviewResult r);

/// The kind of agency, which sets its Article 49 deadline.
enum class AgencyKind : std::uint8_t {
    government,  ///< 本级人民政府 — report due by 3月31日
    department,  ///< 政府部门 — report due by 1月31日
    township,    ///< 乡镇人民政府/街道办事处
    other,
};
std::string_view key(AgencyKind k);
std::optional<AgencyKind> parse_agency_kind(std::string_view key);

}  // namespace ogi
