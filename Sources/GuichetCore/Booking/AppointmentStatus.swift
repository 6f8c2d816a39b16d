/// Where an appointment stands. Excused and revoked are cancellations, which free the slot.
public enum AppointmentStatus: String, CodedValue {
  case booked
  case seen
  case noShow = "no_show"
  case excused
  case revoked

  public var label: String {
    switch self {
    case .booked: "Prévu"
    case .seen: "Reçu"
    case .noShow: "Absent"
    case .excused: "Annulé par la personne"
    case .revoked: "Annulé par le service"
    }
  }

  public var isCancellation: Bool { self == .excused || self == .revoked }

  /// Statuses an advisor records once the appointment time has come.
  public var isAttendance: Bool { self == .seen || self == .noShow }
}
