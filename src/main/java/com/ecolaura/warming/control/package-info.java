/** Which products are hot, kept decaying in Redis; a starting instance warms its caches from them. */
package com.ecolaura.warming.control;
