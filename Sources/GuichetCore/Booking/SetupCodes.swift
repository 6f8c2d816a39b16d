/// The short French codes typed after `guichet operators` options and written in the set-up file
/// (`guichet operators import|export`): one spelling to read and to write, so an export reads back as it was.
extension OperatorKind {
  /// `france_travail`, `france-travail` or the label (« France Travail »), any case.
  public init?(setupCode text: String) {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let kind = OperatorKind(rawValue: key.replacingOccurrences(of: "-", with: "_")) {
      self = kind
      return
    }
    guard let kind = OperatorKind.allCases.first(where: { $0.label.lowercased() == key }) else {
      return nil
    }
    self = kind
  }
}

extension AppointmentPlace {
  /// What the set-up file writes: site, telephone, visio.
  public var setupCode: String {
    switch self {
    case .onSite: "site"
    case .phone: "telephone"
    case .video: "visio"
    }
  }

  public init?(setupCode text: String) {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "site", "sur-place", "sur_place", "sur place", "on_site": self = .onSite
    case "telephone", "téléphone", "tel", "phone": self = .phone
    case "visio", "video", "vidéo": self = .video
    default: return nil
    }
  }
}

extension AbsenceReason {
  /// What the set-up file writes: conges, formation, reunion, permanence, autre.
  public var setupCode: String {
    switch self {
    case .leave: "conges"
    case .training: "formation"
    case .meeting: "reunion"
    case .outreach: "permanence"
    case .other: "autre"
    }
  }

  public init?(setupCode text: String) {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "conges", "congés", "leave": self = .leave
    case "formation", "training": self = .training
    case "reunion", "réunion", "meeting": self = .meeting
    case "permanence", "outreach": self = .outreach
    case "autre", "other": self = .other
    default: return nil
    }
  }
}
