// A C face for libphonenumber (Debian's libphonenumber-dev, C++): its parser and validator for the numbers the
// fast path hands over, and its metadata (the numbering plans of every region) for the fast path to compile.
#ifndef DIALER_CPHONENUMBER_H
#define DIALER_CPHONENUMBER_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// libphonenumber's parse errors (`PhoneNumberUtil::ErrorType`).
typedef enum {
    dialer_phone_parsed_ok = 0,
    dialer_phone_invalid_country_code = 1,
    dialer_phone_not_a_number = 2,
    dialer_phone_too_short_after_idd = 3,
    dialer_phone_too_short_nsn = 4,
    dialer_phone_too_long_nsn = 5,
} dialer_phone_parse_error;

/// libphonenumber's length verdicts (`PhoneNumberUtil::ValidationResult`).
typedef enum {
    dialer_phone_is_possible = 0,
    dialer_phone_is_possible_local_only = 1,
    dialer_phone_possible_invalid_country_code = 2,
    dialer_phone_too_short = 3,
    dialer_phone_invalid_length = 4,
    dialer_phone_too_long = 5,
} dialer_phone_possibility;

/// libphonenumber's number types (`PhoneNumberUtil::PhoneNumberType`).
typedef enum {
    dialer_phone_fixed_line = 0,
    dialer_phone_mobile = 1,
    dialer_phone_fixed_line_or_mobile = 2,
    dialer_phone_toll_free = 3,
    dialer_phone_premium_rate = 4,
    dialer_phone_shared_cost = 5,
    dialer_phone_voip = 6,
    dialer_phone_personal_number = 7,
    dialer_phone_pager = 8,
    dialer_phone_uan = 9,
    dialer_phone_voicemail = 10,
    dialer_phone_unknown = 11,
} dialer_phone_type;

/// What libphonenumber makes of one written number.
typedef struct {
    dialer_phone_parse_error error;
    /// The country calling code (when `error` is ok).
    int calling_code;
    /// The national significant number with its leading zeros, NUL-terminated.
    char national[24];
    /// `IsValidNumber`.
    bool valid;
    /// `GetNumberType`.
    dialer_phone_type type;
    /// `IsPossibleNumberWithReason`.
    dialer_phone_possibility possibility;
    /// `GetRegionCodeForNumber` ("ZZ" when none, "001" for non-geographic codes), NUL-terminated.
    char region[4];
} dialer_phone_parsed;

/// Parses `text` (UTF-8, `length` bytes) as libphonenumber does, `default_region` an ISO code or NULL.
void dialer_phone_parse(const char *text, size_t length, const char *default_region, dialer_phone_parsed *out);

/// The kinds of number a region's metadata describes, in the order of `dialer_phone_region.descs`.
typedef enum {
    dialer_phone_desc_general = 0,
    dialer_phone_desc_fixed_line,
    dialer_phone_desc_mobile,
    dialer_phone_desc_toll_free,
    dialer_phone_desc_premium_rate,
    dialer_phone_desc_shared_cost,
    dialer_phone_desc_personal_number,
    dialer_phone_desc_voip,
    dialer_phone_desc_pager,
    dialer_phone_desc_uan,
    dialer_phone_desc_voicemail,
    dialer_phone_desc_count,
} dialer_phone_desc_kind;

/// One kind of number in a region: its pattern over the national significant number and its lengths.
typedef struct {
    /// The `national_number_pattern` (a regular expression matched whole), NULL when the region has none.
    const char *pattern;
    const int *possible_lengths;
    int possible_length_count;
    const int *local_only_lengths;
    int local_only_length_count;
} dialer_phone_desc;

/// One region's numbering plan as libphonenumber's metadata gives it. The strings live as long as the process.
typedef struct {
    /// ISO 3166-1 alpha-2, or "001" for a non-geographic calling code.
    const char *id;
    int calling_code;
    /// Regular expressions; empty strings when absent.
    const char *international_prefix;
    const char *national_prefix_for_parsing;
    const char *national_prefix_transform_rule;
    const char *leading_digits;
    bool same_mobile_and_fixed_line_pattern;
    dialer_phone_desc descs[dialer_phone_desc_count];
} dialer_phone_region;

/// How many regions the metadata has (non-geographic calling codes included).
int dialer_phone_region_count(void);

/// The region at `index` (0 ..< count); false when out of range.
bool dialer_phone_region_at(int index, dialer_phone_region *out);

/// The indexes of the regions sharing `calling_code`, in the order libphonenumber tries them (main region first);
/// returns how many there are (0: not a calling code), writing at most `capacity`.
int dialer_phone_regions_for_calling_code(int calling_code, int *indexes, int capacity);

/// Whether libphonenumber locates mobiles of `calling_code` geographically (`IsNumberGeographical`).
bool dialer_phone_mobiles_are_geographical(int calling_code);

#ifdef __cplusplus
}
#endif

#endif
