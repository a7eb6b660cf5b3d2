// ogi — Open Government Information annual reports (政府信息公开工作年度报告).
// One include for the whole public interface.
#pragma once

#include <ogi/check/aggregate.hpp>
#include <ogi/check/compare.hpp>
#include <ogi/base/decimal.hpp>
#include <ogi/base/diagnostic.hpp>
#include <ogi/write/export.hpp>
#include <ogi/form/form.hpp>
#include <ogi/json/documents.hpp>
#include <ogi/json/json.hpp>
#include <ogi/form/regulation.hpp>
#include <ogi/write/render.hpp>
#include <ogi/model/report.hpp>
#include <ogi/form/rules.hpp>
#include <ogi/check/validate.hpp>
