// A light tooltip for the always-loaded parts (app frame, day view): shown on hover and
// keyboard focus with CSS alone, linked to its control by aria-describedby. MUI's Tooltip
// brings Popper (~11 KB gzipped) to every page that shows one.
import { Box } from '@mui/material';
import { cloneElement, useId, type ReactElement } from 'react';

export function Hint({ title, children, placement = 'below' }: { title: string; children: ReactElement<{ 'aria-describedby'?: string }>; placement?: 'below' | 'above' }) {
  const id = useId();
  return (
    <Box
      component="span"
      sx={{
        position: 'relative', display: 'inline-flex',
        '&:hover > [role=tooltip], &:focus-within > [role=tooltip]': { opacity: 1, visibility: 'visible', transitionDelay: '150ms' },
      }}
    >
      {cloneElement(children, { 'aria-describedby': id })}
      <Box
        component="span"
        role="tooltip"
        id={id}
        sx={{
          position: 'absolute', left: '50%', transform: 'translateX(-50%)', zIndex: 1500, pointerEvents: 'none',
          ...(placement === 'below' ? { top: 'calc(100% + 6px)' } : { bottom: 'calc(100% + 6px)' }),
          width: 'max-content', maxWidth: 300, px: 1, py: 0.5, borderRadius: 1, fontSize: 12, lineHeight: 1.4, fontWeight: 500,
          bgcolor: 'grey.800', color: 'common.white', opacity: 0, visibility: 'hidden', transition: 'opacity 120ms',
        }}
      >
        {title}
      </Box>
    </Box>
  );
}
