/** Product views counted in memory and written in batches; the trending list ranked from them and cached. */
package com.ecolaura.trending.control;
