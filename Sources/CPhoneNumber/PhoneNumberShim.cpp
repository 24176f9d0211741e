// The C face of libphonenumber declared in include/CPhoneNumber.h.
#include "CPhoneNumber.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstring>
#include <list>
#include <string>
#include <vector>

namespace i18n {
namespace phonenumbers {
// The serialized metadata compiled into the library (its metadata.h is not installed).
int metadata_size();
const void *metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

static_assert(PhoneNumberUtil::TOO_LONG_NSN == int(dialer_phone_too_long_nsn), "parse errors");
static_assert(PhoneNumberUtil::TOO_LONG == int(dialer_phone_too_long), "validation results");
static_assert(PhoneNumberUtil::UNKNOWN == int(dialer_phone_unknown), "number types");

namespace {

const PhoneMetadataCollection &collection() {
    static const PhoneMetadataCollection *parsed = [] {
        auto *metadata = new PhoneMetadataCollection();
        metadata->ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size());
        return metadata;
    }();
    return *parsed;
}

void copy(const std::string &source, char *destination, size_t capacity) {
    size_t length = std::min(source.size(), capacity - 1);
    std::memcpy(destination, source.data(), length);
    destination[length] = 0;
}

dialer_phone_desc describe(const PhoneNumberDesc &desc) {
    dialer_phone_desc out{};
    out.pattern = desc.has_national_number_pattern() ? desc.national_number_pattern().c_str() : nullptr;
    out.possible_lengths = desc.possible_length().data();
    out.possible_length_count = desc.possible_length_size();
    out.local_only_lengths = desc.possible_length_local_only().data();
    out.local_only_length_count = desc.possible_length_local_only_size();
    return out;
}

}  // namespace

extern "C" void dialer_phone_parse(const char *text, size_t length, const char *default_region,
                                   dialer_phone_parsed *out) {
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    *out = dialer_phone_parsed{};
    auto error = util.Parse(std::string(text, length), default_region ? default_region : "ZZ", &number);
    out->error = dialer_phone_parse_error(error);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) return;
    out->calling_code = number.country_code();
    std::string national;
    util.GetNationalSignificantNumber(number, &national);
    copy(national, out->national, sizeof out->national);
    out->valid = util.IsValidNumber(number);
    out->type = dialer_phone_type(util.GetNumberType(number));
    out->possibility = dialer_phone_possibility(util.IsPossibleNumberWithReason(number));
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    copy(region, out->region, sizeof out->region);
}

extern "C" int dialer_phone_region_count(void) { return collection().metadata_size(); }

extern "C" bool dialer_phone_region_at(int index, dialer_phone_region *out) {
    if (index < 0 || index >= collection().metadata_size()) return false;
    const PhoneMetadata &metadata = collection().metadata(index);
    out->id = metadata.id().c_str();
    out->calling_code = metadata.country_code();
    out->international_prefix = metadata.international_prefix().c_str();
    out->national_prefix_for_parsing = metadata.national_prefix_for_parsing().c_str();
    out->national_prefix_transform_rule = metadata.national_prefix_transform_rule().c_str();
    out->leading_digits = metadata.leading_digits().c_str();
    out->same_mobile_and_fixed_line_pattern = metadata.same_mobile_and_fixed_line_pattern();
    out->descs[dialer_phone_desc_general] = describe(metadata.general_desc());
    out->descs[dialer_phone_desc_fixed_line] = describe(metadata.fixed_line());
    out->descs[dialer_phone_desc_mobile] = describe(metadata.mobile());
    out->descs[dialer_phone_desc_toll_free] = describe(metadata.toll_free());
    out->descs[dialer_phone_desc_premium_rate] = describe(metadata.premium_rate());
    out->descs[dialer_phone_desc_shared_cost] = describe(metadata.shared_cost());
    out->descs[dialer_phone_desc_personal_number] = describe(metadata.personal_number());
    out->descs[dialer_phone_desc_voip] = describe(metadata.voip());
    out->descs[dialer_phone_desc_pager] = describe(metadata.pager());
    out->descs[dialer_phone_desc_uan] = describe(metadata.uan());
    out->descs[dialer_phone_desc_voicemail] = describe(metadata.voicemail());
    return true;
}

extern "C" int dialer_phone_regions_for_calling_code(int calling_code, int *indexes, int capacity) {
    std::list<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetRegionCodesForCountryCallingCode(calling_code, &regions);
    int count = 0;
    for (const std::string &region : regions) {
        for (int index = 0; index < collection().metadata_size(); ++index) {
            const PhoneMetadata &metadata = collection().metadata(index);
            if (metadata.id() == region && metadata.country_code() == calling_code) {
                if (count < capacity) indexes[count] = index;
                ++count;
                break;
            }
        }
    }
    return count;
}

extern "C" bool dialer_phone_mobiles_are_geographical(int calling_code) {
    return PhoneNumberUtil::GetInstance()->IsNumberGeographical(PhoneNumberUtil::MOBILE, calling_code);
}
