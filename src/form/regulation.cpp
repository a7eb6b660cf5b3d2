#include <ogi/form/regulation.hpp>

#include <array>

namespace ogi {
namespace {

struct Named {
    std::string_view key;
    std::string_view label;
};

constexpr std::array<std::string_view, article20_item_count> article20 = {
    "（一）行政法规、规章和规范性文件",
    "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "（四）国民经济和社会发展统计信息",
    "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    "（七）财政预算、决算信息",
    "（八）行政事业性收费项目及其依据、标准",
    "（九）政府集中采购项目的目录、标准及实施情况",
    "（十）重大建设项目的批准和实施情况",
    "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "（十二）突发公共事件的应急预案、预警信息及应对情况",
    "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果",
    "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
};

constexpr std::array<Named, applicant_count> applicants = {{
    {"natural_person", "自然人"},
    {"commercial_enterprise", "商业企业"},
    {"research_institution", "科研机构"},
    {"social_welfare_organization", "社会公益组织"},
    {"legal_service_institution", "法律服务机构"},
    {"other_organization", "其他"},
    {"total", "总计"},
}};

constexpr std::array<Named, application_row_count> application_rows = {{
    {"new_received", "一、本年新收政府信息公开申请数量"},
    {"carried_over", "二、上年结转政府信息公开申请数量"},
    {"granted", "（一）予以公开"},
    {"partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {"withheld_state_secret", "1.属于国家秘密"},
    {"withheld_prohibited_by_law", "2.其他法律行政法规禁止公开"},
    {"withheld_security_stability", "3.危及“三安全一稳定”"},
    {"withheld_third_party_rights", "4.保护第三方合法权益"},
    {"withheld_internal_affairs", "5.属于三类内部事务信息"},
    {"withheld_process_information", "6.属于四类过程性信息"},
    {"withheld_enforcement_files", "7.属于行政执法案卷"},
    {"withheld_administrative_query", "8.属于行政查询事项"},
    {"unable_not_held", "1.本机关不掌握相关政府信息"},
    {"unable_needs_creation", "2.没有现成信息需要另行制作"},
    {"unable_still_unclear", "3.补正后申请内容仍不明确"},
    {"not_processed_complaint", "1.信访举报投诉类申请"},
    {"not_processed_duplicate", "2.重复申请"},
    {"not_processed_publication", "3.要求提供公开出版物"},
    {"not_processed_excessive", "4.无正当理由大量反复申请"},
    {"not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"},
    {"other", "（六）其他处理"},
    {"other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
    {"other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    {"other_reasons", "3.其他"},
    {"total", "（七）总计"},
    {"carried_forward", "四、结转下年度继续办理"},
}};

constexpr std::array<Named, review_group_count> review_groups = {{
    {"administrative_review", "行政复议"},
    {"litigation_direct", "未经复议直接起诉"},
    {"litigation_after_review", "复议后起诉"},
}};

constexpr std::array<Named, review_result_count> review_results = {{
    {"upheld", "结果维持"},
    {"corrected", "结果纠正"},
    {"other", "其他结果"},
    {"pending", "尚未审结"},
    {"total", "总计"},
}};

constexpr std::array<std::string_view, 4> agency_kinds = {"government", "department", "township", "other"};

template <class Table, class E>
constexpr const auto& at(const Table& t, E e) { return t[static_cast<std::size_t>(e)]; }

}  // namespace

std::string_view official_wording(Article20Item item) {
    return article20[static_cast<std::size_t>(item) - 1];
}

bool is_outcome(ApplicationRow r) {
    return r >= ApplicationRow::granted && r <= ApplicationRow::other_reasons;
}

std::string_view key(Applicant a) { return at(applicants, a).key; }
std::string_view key(ApplicationRow r) { return at(application_rows, r).key; }
std::string_view key(ReviewGroup g) { return at(review_groups, g).key; }
std::string_view key(ReviewResult r) { return at(review_results, r).key; }
std::string_view label(Applicant a) { return at(applicants, a).label; }
std::string_view label(ApplicationRow r) { return at(application_rows, r).label; }
std::string_view label(ReviewGroup g) { return at(review_groups, g).label; }
std::string_view label(ReviewResult r) { return at(review_results, r).label; }

std::string_view key(AgencyKind k) { return at(agency_kinds, k); }

std::optional<AgencyKind> parse_agency_kind(std::string_view k) {
    for (std::size_t i = 0; i < agency_kinds.size(); ++i)
        if (agency_kinds[i] == k) return static_cast<AgencyKind>(i);
    return std::nullopt;
}

}  // namespace ogi
