/// How an appointment takes place; it decides what the slip tells the person to do.
public enum AppointmentPlace: String, CodedValue {
  case onSite = "on_site"
  case phone
  case video

  public var label: String {
    switch self {
    case .onSite: "Sur place"
    case .phone: "Par téléphone"
    case .video: "En visioconférence"
    }
  }
}
