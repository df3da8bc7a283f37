"""An independent WebSocket client (Debian's python3-websockets) for the
round trip of roundtrip.zeek: subscribe to test/, print the ack's shape
and the hello and auto_ev events exactly as received, publish ping and a
few bad messages, print the errors, and wait for the server to close."""
import asyncio
import json
import sys

import websockets

PING = ('{"type":"data-message","topic":"test/ping","@data-type":"vector","data":['
        '{"@data-type":"count","data":1},{"@data-type":"count","data":1},'
        '{"@data-type":"vector","data":[{"@data-type":"string","data":"ping"},'
        '{"@data-type":"vector","data":['
        '{"@data-type":"count","data":42},'
        '{"@data-type":"integer","data":-42},'
        '{"@data-type":"real","data":2.5},'
        '{"@data-type":"string","data":"hi there"},'
        '{"@data-type":"address","data":"2001:db8::1"},'
        '{"@data-type":"subnet","data":"192.168.0.0/16"},'
        '{"@data-type":"port","data":"53/udp"},'
        '{"@data-type":"timestamp","data":"2022-04-10T07:00:00.500"},'
        '{"@data-type":"timespan","data":"90s"},'
        '{"@data-type":"boolean","data":false},'
        '{"@data-type":"set","data":[{"@data-type":"string","data":"b"},{"@data-type":"string","data":"a"}]},'
        '{"@data-type":"table","data":[{"key":{"@data-type":"string","data":"n"},"value":{"@data-type":"count","data":7}}]},'
        '{"@data-type":"vector","data":[{"@data-type":"count","data":4},{"@data-type":"count","data":5}]},'
        '{"@data-type":"vector","data":[{"@data-type":"count","data":9},{"@data-type":"string","data":"nine"}]},'
        '{"@data-type":"enum-value","data":"tcp"}'
        ']},{"@data-type":"vector","data":[]}]}]}')

BAD = [
    'not json',
    '{"type":"data-message","@data-type":"count","data":1}',
    '{"type":"data-message","topic":"test/x","@data-type":"count","data":1.5}',
    # a known event with a wrong argument: answered, never run
    PING.replace('{"@data-type":"count","data":42}', '{"@data-type":"string","data":"42"}'),
    # an event nobody declared
    PING.replace('"data":"ping"', '"data":"no_such_event"'),
]


async def main(port):
    url = "ws://127.0.0.1:%d/v1/messages/json" % port
    async with websockets.connect(url, extra_headers={"X-Application-Name": "roundtrip"}) as ws:
        await ws.send(json.dumps(["test/"]))
        ack = json.loads(await ws.recv())
        print("ack", list(ack), ack["type"], ack["endpoint"].endswith("-websocket-1"))
        print(await ws.recv())  # hello
        print(await ws.recv())  # auto_ev, auto-published
        for bad in BAD:
            await ws.send(bad)
            print(await ws.recv())
        await ws.send(PING)
        try:
            await asyncio.wait_for(ws.recv(), 10)
        except websockets.ConnectionClosed as e:
            print("closed", e.code)


asyncio.run(main(int(sys.argv[1])))
