// danvan: everything in one include.
#pragma once

#include "danvan/date.hpp"
#include "danvan/document_type.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "danvan/period.hpp"
#include "danvan/plan.hpp"
#include "danvan/render.hpp"
#include "danvan/symbol.hpp"
#include "danvan/text.hpp"
#include "danvan/unit.hpp"
#include "danvan/version.hpp"
