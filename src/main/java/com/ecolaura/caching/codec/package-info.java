/** How cached values and keys look in Redis: readable keys, typed JSON envelopes decoded only into the type the reader names. */
package com.ecolaura.caching.codec;
