import { assertPublicDestination, isPrivateAddress, urlProblem } from './webhook-url-guard';

describe('webhook URL guard', () => {
  it('accepts only absolute http(s) URLs without credentials', () => {
    expect(urlProblem('https://partner.example.org/hook')).toBeNull();
    expect(urlProblem('http://partner.example.org:8080/hook')).toBeNull();
    expect(urlProblem('ftp://partner.example.org/hook')).toMatch(/http/);
    expect(urlProblem('file:///etc/passwd')).toMatch(/http/);
    expect(urlProblem('/relative')).toMatch(/absolute/);
    expect(urlProblem('https://user:pw@partner.example.org/')).toMatch(/credentials/);
  });

  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('refuses every IPv6 form that maps or embeds a private or loopback IPv4', () => {
    for (const a of [
      '::127.0.0.1', // IPv4-compatible
      '::7f00:1',
      '::ffff:7f00:1', // IPv4-mapped, hex
      '::ffff:10.0.0.1',
      '::ffff:0:127.0.0.1', // SIIT
      '64:ff9b::7f00:1', // NAT64
      '64:ff9b::10.0.0.1',
      '64:ff9b:1::1', // local-use NAT64
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      '2002:a9fe:a9fe::1', // 6to4 of 169.254.169.254
      '2001:0:7f00:1::1', // Teredo server 127.0.0.1
      '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo client 127.0.0.1 (obfuscated)
      'fe80::1%eth0',
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ['64:ff9b::808:808', '2002:808:808::1', '::ffff:8.8.8.8', '2001:db8::1'])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('refuses private destinations unless allowed', async () => {
    await expect(assertPublicDestination('http://[::127.0.0.1]/x', false)).rejects.toThrow(/private/);
    await expect(assertPublicDestination('http://[64:ff9b::7f00:1]/x', false)).rejects.toThrow(/private/);
    await expect(assertPublicDestination('http://[2002:7f00:1::1]/x', false)).rejects.toThrow(/private/);
    await expect(assertPublicDestination('http://127.0.0.1:9000/x', false)).rejects.toThrow(/private/);
    await expect(assertPublicDestination('http://localhost/x', false)).rejects.toThrow(/private/);
    await expect(assertPublicDestination('http://[::1]/x', false)).rejects.toThrow(/private/);
    await expect(assertPublicDestination('http://127.0.0.1:9000/x', true)).resolves.toBeUndefined();
    await expect(assertPublicDestination('http://8.8.8.8/x', false)).resolves.toBeUndefined();
  });
});
