import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import './present/present.css';
import './city/city.css';
import { App } from './App';
import { CityApp } from './city/CityApp';
import { isCityMode } from './city/cityUrl';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {isCityMode(window.location.search) ? <CityApp /> : <App />}
    </StrictMode>,
  );
}
