import Foundation
import GuichetCore

/// A short line under the screen telling what just happened.
public struct StatusMessage: Equatable, Sendable {
  public var text: String
  public var isError: Bool
  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}

public struct AppState: Equatable, Sendable {
  public var context: AppContext
  public var size: Size
  public var screens: [Screen]
  public var message: StatusMessage?
  public var confirmingQuit = false
  /// F12 on the lock screen with a visit not saved: the next « O » hands the desk over anyway.
  public var confirmingUserChange = false
  public var quitting = false
  /// A visit just closed at this desk: the next key 1–5 records the person's satisfaction, any other skips it.
  public var satisfactionFor: Visit.ID?
  /// The console opens on the login screen; tests and benches may start signed in.
  public var session: Session {
    didSet { context.account = session.account }
  }
  /// The last key pressed while signed in, for the idle lock.
  public var lastActivity: Date

  public init(
    context: AppContext, size: Size, session: Session = .signedOut(LoginScreen.State())
  ) {
    self.context = context
    self.size = size
    self.screens = [.home(HomeScreen.State())]
    self.session = session
    self.context.account = session.account
    self.lastActivity = context.now
  }

  public var top: Screen { screens[screens.count - 1] }

  public var isTooSmall: Bool {
    size.width < Size.minimum.width || size.height < Size.minimum.height
  }

  /// True while a visit form holds changes that are not saved yet, or an account is being typed.
  public var hasUnsavedWork: Bool { unsavedWork != nil }

  /// What quitting now would lose, in the words of the quit question.
  public var unsavedWork: String? {
    screens.lazy.compactMap(App.unsavedWork(on:)).first
  }
}
