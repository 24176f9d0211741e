import CampaignDSL
import Foundation

extension DialPermit {
    /// A permit for the campaign's time laws only (hours, the callee's window, caps), for call sheets
    /// and imported callbacks: its Do-Not-Call lists are not loaded, as every dial asks them again.
    static func timeLaws(of spec: CampaignSpec, store: CampaignStore) throws -> DialPermit {
        let zone = TimeZone(identifier: spec.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        var timeLawsOnly = spec
        timeLawsOnly.dnc = []
        timeLawsOnly.dncPrefixes = []
        return DialPermit(spec: spec, campaignCalendar: CallingCalendar(hours: spec.hours, timeZone: zone, dates: spec.dates),
                          doNotCall: try DoNotCallRegistry(spec: timeLawsOnly, store: store, cacheDirectory: nil))
    }
}
