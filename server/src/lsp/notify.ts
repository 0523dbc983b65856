import { type Connection, type MessageType, ShowMessageNotification } from 'vscode-languageserver';

/**
 * Shows the user a message, fire-and-forget: the window/showMessage notification, which needs no
 * answer. (The connection's showInformationMessage sends window/showMessageRequest, which a client
 * without window capabilities rejects, and an unhandled rejection ended the server.)
 */
export function notify(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
}
