/**
 * The OpenFlow channel: message codec, the per-connection handshake and keep-alive, request/reply tracking by xid
 * (multipart replies assembled, barriers as futures) and the registry of connected switches.
 */
package org.ebbflow.openflow.channel;
