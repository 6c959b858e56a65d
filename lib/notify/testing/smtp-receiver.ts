import net from "node:net";

export type ReceivedMail = { from: string; to: string[]; data: string; authenticatedAs: string | null };

export type SmtpReceiver = {
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  password: string;
  mails: ReceivedMail[];
  /** answer DATA's end with this reply instead of 250 (e.g. "554 5.7.1 rejected") */
  rejectDataWith(reply: string | null): void;
  close(): Promise<void>;
};

/**
 * A minimal SMTP server on a real socket (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, QUIT),
 * enough for nodemailer's real client path. No STARTTLS: it is a loopback test fixture.
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const username = "vigil-mailer";
  const password = "smtp-Pa55word-never-logged";
  const mails: ReceivedMail[] = [];
  let dataReply: string | null = null;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let authStep: "none" | "login-user" | "login-pass" = "none";
    let loginUser = "";
    let authenticatedAs: string | null = null;
    let mail: ReceivedMail = { from: "", to: [], data: "", authenticatedAs: null };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const checkCredentials = (user: string, pass: string) => {
      if (user === username && pass === password) {
        authenticatedAs = user;
        reply("235 2.7.0 Authentication successful");
      } else reply("535 5.7.8 Authentication credentials invalid");
    };

    reply("220 receiver.test ESMTP");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          if (dataReply) reply(dataReply);
          else {
            mails.push({ ...mail, authenticatedAs });
            reply("250 2.0.0 queued");
          }
          mail = { from: "", to: [], data: "", authenticatedAs: null };
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (authStep === "login-user") {
          loginUser = Buffer.from(line, "base64").toString("utf8");
          authStep = "login-pass";
          reply("334 UGFzc3dvcmQ6");
          continue;
        }
        if (authStep === "login-pass") {
          authStep = "none";
          checkCredentials(loginUser, Buffer.from(line, "base64").toString("utf8"));
          continue;
        }
        const [verb = "", ...rest] = line.split(" ");
        const argument = rest.join(" ");
        switch (verb.toUpperCase()) {
          case "EHLO":
            reply("250-receiver.test");
            reply("250-AUTH PLAIN LOGIN");
            reply("250 8BITMIME");
            break;
          case "HELO":
            reply("250 receiver.test");
            break;
          case "AUTH": {
            const [mechanism = "", initial] = argument.split(" ");
            if (mechanism.toUpperCase() === "PLAIN" && initial) {
              const [, user = "", pass = ""] = Buffer.from(initial, "base64").toString("utf8").split("\u0000");
              checkCredentials(user, pass);
            } else if (mechanism.toUpperCase() === "LOGIN") {
              authStep = "login-user";
              reply("334 VXNlcm5hbWU6");
            } else reply("504 5.5.4 mechanism not supported");
            break;
          }
          case "MAIL":
            mail.from = /<([^>]*)>/.exec(argument)?.[1] ?? "";
            reply("250 2.1.0 ok");
            break;
          case "RCPT":
            mail.to.push(/<([^>]*)>/.exec(argument)?.[1] ?? "");
            reply("250 2.1.5 ok");
            break;
          case "DATA":
            inData = true;
            reply("354 end with <CRLF>.<CRLF>");
            break;
          case "RSET":
            mail = { from: "", to: [], data: "", authenticatedAs: null };
            reply("250 2.0.0 ok");
            break;
          case "NOOP":
            reply("250 2.0.0 ok");
            break;
          case "QUIT":
            reply("221 2.0.0 bye");
            socket.end();
            return;
          default:
            reply("502 5.5.2 command not recognised");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://${username}:${password}@127.0.0.1:${port}`,
    password,
    mails,
    rejectDataWith: (next) => (dataReply = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
