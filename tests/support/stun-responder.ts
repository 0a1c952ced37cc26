import dgram from 'node:dgram';

/** A STUN responder on loopback for tests: answers Binding requests with XOR-MAPPED-ADDRESS. */
export async function startStunResponder(): Promise<{ server: string; requests: number; close(): Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  const state = { requests: 0 };
  socket.on('message', (message, remote) => {
    if (message.length < 20 || message.readUInt16BE(0) !== 0x0001) return;
    state.requests++;
    const cookie = 0x2112a442;
    const response = Buffer.alloc(32);
    response.writeUInt16BE(0x0101, 0);
    response.writeUInt16BE(12, 2);
    response.writeUInt32BE(cookie, 4);
    message.copy(response, 8, 8, 20);
    response.writeUInt16BE(0x0020, 20);
    response.writeUInt16BE(8, 22);
    response.writeUInt8(0, 24);
    response.writeUInt8(0x01, 25);
    response.writeUInt16BE(remote.port ^ (cookie >>> 16), 26);
    const ip = remote.address.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
    response.writeUInt32BE((ip ^ cookie) >>> 0, 28);
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
